/** The parameters the gateway puts on an import's content type (signed with it): the row limit and the file's name. */
export interface ImportMediaType {
  maxRows: number | null;
  fileName: string | null;
}

/**
 * Reads `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; max-rows=200000;
 * name="%E5%8F%B0%E8%B4%A6.xlsx"`. The content type is covered by the gateway's signature, so these
 * parameters are the gateway's, not the client's (README, "How the gateway vouches for a request").
 */
export function readImportMediaType(header: string | undefined): ImportMediaType {
  const parameters = new Map<string, string>();
  for (const part of (header ?? '').split(';').slice(1)) {
    const at = part.indexOf('=');
    if (at > 0)
      parameters.set(
        part.slice(0, at).trim().toLowerCase(),
        part
          .slice(at + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
  }
  const rows = Number(parameters.get('max-rows'));
  let fileName: string | null = null;
  try {
    fileName = parameters.has('name') ? decodeURIComponent(parameters.get('name')!).slice(0, 200) : null;
  } catch {
    fileName = null;
  }
  return { maxRows: Number.isInteger(rows) && rows > 0 ? rows : null, fileName };
}

/** The content type the gateway sends an import with. */
export function importMediaType(base: string, maxRows: number, fileName: string | null): string {
  return `${base}; max-rows=${maxRows}${fileName ? `; name="${encodeURIComponent(fileName)}"` : ''}`;
}
