// Copying an invitation link. The async clipboard needs a secure context and the page's focus;
// where it is refused the page shows the link selected for Ctrl+C instead.
import type { ClipboardPort } from '../ports';

export function browserClipboard(): ClipboardPort {
  return {
    async copy(text) {
      try {
        if (!navigator.clipboard) return false;
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
  };
}
