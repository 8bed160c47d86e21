/**
 * The entry of `dist/udf/trd-classifier.js`: installs {@link trdClassify} as the bundle's one
 * global, so that a warehouse's JavaScript UDF body can call it (docs/warehouse.md). The bundle
 * is a plain script (an IIFE), with zod and date-fns inside it and no imports.
 *
 * @module
 */
import { trdClassify } from "./trdClassify";

(globalThis as { trdClassify?: typeof trdClassify }).trdClassify = trdClassify;
