// Stored images (photos, logos) as blob: URLs the webview may show (the CSP allows
// blob: images). Assets are named by their content hash, so a URL never goes stale.
import type { Backend } from '../backend';
import { sniffImage } from '../model/images';

const MIME = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' } as const;

export class AssetUrls {
  private readonly urls = new Map<string, Promise<string>>();
  constructor(private readonly backend: Backend) {}

  /** A URL showing the stored image `hash`; rejects with an ErrorBody if it is missing. */
  url(hash: string): Promise<string> {
    let url = this.urls.get(hash);
    if (!url) {
      url = this.backend.getAsset(hash).then((bytes) => {
        const kind = sniffImage(bytes);
        const blob = new Blob([bytes as BlobPart], kind ? { type: MIME[kind] } : {});
        return URL.createObjectURL(blob);
      });
      url.catch(() => this.urls.delete(hash));
      this.urls.set(hash, url);
    }
    return url;
  }
}

/**
 * The URL of the stored image `hash()` names (from `assets()`), kept up to date as the hash changes; null
 * while it loads, when there is none, or when it cannot be read. Call while a component
 * is created: it follows the component's life.
 */
export function assetUrl(
  assets: () => AssetUrls | undefined,
  hash: () => string | null,
): { readonly url: string | null } {
  const shown = $state<{ url: string | null }>({ url: null });
  $effect(() => {
    const wanted = hash();
    const from = assets();
    if (!wanted || !from) {
      shown.url = null;
      return;
    }
    let live = true;
    from.url(wanted).then(
      (url) => live && (shown.url = url),
      () => live && (shown.url = null),
    );
    return () => {
      live = false;
    };
  });
  return shown;
}
