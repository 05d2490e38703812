import { CST } from 'yaml';

/** Markers the YAML lexer inserts in its stream that are not text of the file (so take no offset). */
export const YAML_LEXER_MARKERS: ReadonlySet<string> = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);
