/** Saves text as a file through the browser's download (no server, no third party): backups, reports, CSV. */

/** Characters a file name may not hold on common systems; they become `_`. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/** A file name made safe for Windows, macOS and phones; at most 120 characters before the extension. */
export function safeFileName(base: string, extension: string): string {
  const clean = base.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().slice(0, 120) || 'file';
  return `${clean}.${extension}`;
}

/** Starts a download of `text` (UTF-8) named `name`. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
