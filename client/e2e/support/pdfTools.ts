import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** LibreOffice's first start in a fresh profile takes a few seconds; a conversion a few more. */
const CONVERT_TIMEOUT_MS = 90_000;
const TOOL_TIMEOUT_MS = 20_000;

/** Runs a command and returns its standard output; throws with what to install when it is missing. */
function run(command: string, args: readonly string[], timeout = TOOL_TIMEOUT_MS): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout });
  if (result.error !== undefined) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `${command} is not installed: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk (see README)`
        : `${command} ${args.join(' ')} failed: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Converts a .docx to PDF with headless LibreOffice, in a fresh profile of its own (a shared one
 * locks when two conversions meet), and returns the PDF's path beside the .docx.
 */
export function convertToPdf(docxPath: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'jianyan-soffice-'));
  const outDir = path.dirname(docxPath);
  try {
    run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docxPath],
      CONVERT_TIMEOUT_MS,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(docxPath, path.extname(docxPath))}.pdf`);
  if (!readdirSync(outDir).includes(path.basename(pdf))) {
    throw new Error(`LibreOffice did not write ${pdf}`);
  }
  return pdf;
}

/** `pdfinfo`'s page count and page size in points. */
export function pdfInfo(pdf: string): { readonly pages: number; readonly width: number; readonly height: number } {
  const info = run('pdfinfo', [pdf]);
  const pages = /^Pages:\s+(\d+)/m.exec(info);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  if (pages?.[1] === undefined || size?.[1] === undefined || size[2] === undefined) {
    throw new Error(`pdfinfo gave no page count or size for ${pdf}:\n${info}`);
  }
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}

/** The PDF's text, laid out as on the page. */
export function pdfText(pdf: string): string {
  return run('pdftotext', ['-layout', pdf, '-']);
}

/** The names of the fonts the PDF embeds (what LibreOffice substituted for the declared ones). */
export function pdfFonts(pdf: string): string[] {
  return run('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((name) => name !== '');
}

/** Renders one page to `<pngPath>` at `dpi`, for a person to look at. */
export function renderPage(pdf: string, page: number, pngPath: string, dpi = 60): void {
  const scratch = mkdtempSync(path.join(tmpdir(), 'jianyan-pdftoppm-'));
  try {
    const prefix = path.join(scratch, 'page');
    run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
    copyFileSync(`${prefix}.png`, pngPath);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
