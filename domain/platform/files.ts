/**
 * What may be attached (evidence photos, scanned documents, office files, recordings) and how each type's first
 * bytes look, so a renamed executable is refused whatever the browser claims.
 */
const signatures: Record<string, { label: string; starts: number[][]; offset?: number }> = {
  'application/pdf': { label: 'PDF', starts: [[0x25, 0x50, 0x44, 0x46]] },
  'image/jpeg': { label: 'JPEG 图片', starts: [[0xff, 0xd8, 0xff]] },
  'image/png': { label: 'PNG 图片', starts: [[0x89, 0x50, 0x4e, 0x47]] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word 文档', starts: [[0x50, 0x4b, 0x03, 0x04]] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel 表格', starts: [[0x50, 0x4b, 0x03, 0x04]] },
  'application/msword': { label: 'Word 97 文档', starts: [[0xd0, 0xcf, 0x11, 0xe0]] },
  'application/vnd.ms-excel': { label: 'Excel 97 表格', starts: [[0xd0, 0xcf, 0x11, 0xe0]] },
  'video/mp4': { label: 'MP4 视频', starts: [[0x66, 0x74, 0x79, 0x70]], offset: 4 },
  'audio/mpeg': {
    label: 'MP3 音频',
    starts: [
      [0x49, 0x44, 0x33],
      [0xff, 0xfb],
      [0xff, 0xf3],
    ],
  },
};

export const allowedMimeTypes = Object.keys(signatures);

/** Null when the bytes fit the declared type; otherwise the reason, in Chinese. */
export function fileTypeProblem(mime: string, head: Uint8Array): string | null {
  const sig = signatures[mime];
  if (!sig)
    return `不支持的文件类型（${mime}），允许：${Object.values(signatures)
      .map((s) => s.label)
      .join('、')}`;
  const offset = sig.offset ?? 0;
  const ok = sig.starts.some((bytes) => bytes.every((b, i) => head[offset + i] === b));
  return ok ? null : `文件内容与类型「${sig.label}」不符`;
}
