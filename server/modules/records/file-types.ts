/** What an upload is, by its first bytes rather than by the name or type the phone claims. */
export type Detected = { kind: 'photo' | 'file'; mime: string; ext: string };

export function detect(data: Buffer, name: string): Detected | null {
  const ascii = (from: number, to: number) => data.subarray(from, to).toString('latin1');
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
    return { kind: 'photo', mime: 'image/jpeg', ext: 'jpg' };
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return { kind: 'photo', mime: 'image/png', ext: 'png' };
  if (ascii(4, 8) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(ascii(8, 12))) {
    return { kind: 'photo', mime: 'image/heic', ext: 'heic' };
  }
  if (ascii(0, 5) === '%PDF-') return { kind: 'file', mime: 'application/pdf', ext: 'pdf' };
  // Office files are zip archives; the name tells which.
  if (ascii(0, 4) === 'PK\x03\x04') {
    if (/\.docx$/i.test(name))
      return {
        kind: 'file',
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ext: 'docx',
      };
    if (/\.xlsx$/i.test(name))
      return {
        kind: 'file',
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ext: 'xlsx',
      };
  }
  if (ascii(0, 8) === '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' && /\.(doc|xls)$/i.test(name)) {
    return {
      kind: 'file',
      mime: /\.doc$/i.test(name) ? 'application/msword' : 'application/vnd.ms-excel',
      ext: name.split('.').pop()!.toLowerCase(),
    };
  }
  return null;
}
