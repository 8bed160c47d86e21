/**
 * The catalogue's version. Bump it whenever any drug entry, dose or citation changes, and record
 * the change in `docs/catalogue.md`; every classification result names the version it used.
 *
 * @example
 * import { CATALOGUE_VERSION } from "trd-classifier";
 * CATALOGUE_VERSION; //=> "2026.12.0"
 */
export const CATALOGUE_VERSION = "2026.12.0";
