import { describe, expect, it } from 'vitest';
import { allowedMimeTypes, fileTypeProblem } from './files.ts';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1);
const MP4 = bytes(0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70);
const EXE = bytes(0x4d, 0x5a, 0x90, 0x00);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('fileTypeProblem', () => {
  it.each<[string, Uint8Array]>([
    ['image/png', PNG],
    ['image/jpeg', JPEG],
    ['application/pdf', PDF],
    [DOCX, ZIP],
    [XLSX, ZIP],
    ['application/msword', OLE],
    ['application/vnd.ms-excel', OLE],
    ['video/mp4', MP4],
    ['audio/mpeg', bytes(0x49, 0x44, 0x33, 0x04)],
    ['audio/mpeg', bytes(0xff, 0xfb, 0x90)],
    ['audio/mpeg', bytes(0xff, 0xf3, 0x90)],
  ])('accepts %s whose first bytes fit', (mime, head) => {
    expect(fileTypeProblem(mime, head)).toBeNull();
  });

  it.each<[string, Uint8Array, string]>([
    ['image/png', EXE, '文件内容与类型「PNG 图片」不符'],
    ['image/jpeg', PNG, '文件内容与类型「JPEG 图片」不符'],
    ['application/pdf', ZIP, '文件内容与类型「PDF」不符'],
    [DOCX, OLE, '文件内容与类型「Word 文档」不符'],
    ['application/msword', ZIP, '文件内容与类型「Word 97 文档」不符'],
    // 'ftyp' must sit at offset 4, not at 0.
    ['video/mp4', bytes(0x66, 0x74, 0x79, 0x70), '文件内容与类型「MP4 视频」不符'],
    ['audio/mpeg', bytes(0xff, 0xd8), '文件内容与类型「MP3 音频」不符'],
    ['image/png', new Uint8Array([0x89, 0x50]), '文件内容与类型「PNG 图片」不符'],
    ['image/png', new Uint8Array([]), '文件内容与类型「PNG 图片」不符'],
  ])('refuses %s with mismatching bytes', (mime, head, message) => {
    expect(fileTypeProblem(mime, head)).toBe(message);
  });

  it.each(['application/x-msdownload', 'application/octet-stream', 'text/html', 'image/svg+xml', 'application/zip', ''])(
    'refuses the type %j outright and lists what is allowed',
    (mime) => {
      const problem = fileTypeProblem(mime, PNG);
      expect(problem).toMatch(/^不支持的文件类型/);
      expect(problem).toContain('PNG 图片');
      expect(problem).toContain('PDF');
    },
  );

  it('allows exactly the types it can recognise', () => {
    expect([...allowedMimeTypes].sort()).toEqual(
      ['application/msword', 'application/pdf', 'application/vnd.ms-excel', DOCX, XLSX, 'audio/mpeg', 'image/jpeg', 'image/png', 'video/mp4'].sort(),
    );
    expect(allowedMimeTypes).not.toContain('image/svg+xml');
  });
});
