import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/** A form from a phone: its text fields, and its files in memory (the upload limit bounds them). */
export async function readForm(
  request: FastifyRequest,
  maxUploadBytes: number,
): Promise<{ fields: Record<string, string>; files: { name: string; data: Buffer }[] }> {
  if (!request.isMultipart()) throw new AppError(415, 'file_type', 'errors.records.noFiles', {}, 'files');
  const fields: Record<string, string> = {};
  const files: { name: string; data: Buffer }[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    try {
      files.push({ name: part.filename || 'upload', data: await part.toBuffer() });
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError(
          413,
          'file_too_large',
          'errors.records.fileTooLarge',
          { name: part.filename, max: maxUploadBytes / 1048576 },
          'files',
        );
      }
      throw e;
    }
  }
  return { fields, files };
}
