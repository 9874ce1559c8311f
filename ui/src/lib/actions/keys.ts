// How a Ctrl/Cmd shortcut is written on this platform: "⌘N" on macOS, "Ctrl+N" elsewhere.
export function shortcut(key: string, platform = typeof navigator === 'undefined' ? '' : navigator.platform): string {
  return /Mac|iPhone|iPad/.test(platform) ? `⌘${key}` : `Ctrl+${key}`;
}
