import { type Document, Packer } from 'docx';

/** The .docx file's bytes; `toArrayBuffer` works alike in the browser and in Node. */
export async function packDocx(file: Document): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
