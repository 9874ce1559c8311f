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
