import { describe, expect, it } from 'vitest';
import { shortcut } from './keys';

describe('shortcut', () => {
  it('writes Cmd on macOS and Ctrl elsewhere', () => {
    expect(shortcut('N', 'MacIntel')).toBe('⌘N');
    expect(shortcut('N', 'Linux x86_64')).toBe('Ctrl+N');
    expect(shortcut('S', 'Win32')).toBe('Ctrl+S');
  });
});
