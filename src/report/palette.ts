/**
 * Colours safe for colour-blind readers: the Okabe–Ito palette (Okabe M, Ito K. Color Universal
 * Design (CUD): how to make figures and presentations that are friendly to colorblind people.
 * J*Fly, 2002, revised 2008; https://jfly.uni-koeln.de/color/), as recommended by Wong B. Points of
 * view: color blindness. Nat Methods 2011;8:441. Colour never carries meaning alone: every
 * mark also has a line style or pattern and a text label.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";

/**
 * The eight Okabe–Ito colours.
 *
 * @example
 * OKABE_ITO.blue; //=> "#0072B2"
 */
export const OKABE_ITO = /* @__PURE__ */ deepFreeze({
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const);

/**
 * What each mark of a timeline is drawn in.
 *
 * @example
 * TIMELINE_COLOURS.dose; //=> "#0072B2"
 */
export const TIMELINE_COLOURS = /* @__PURE__ */ deepFreeze({
  dose: OKABE_ITO.blue,
  adequateLine: OKABE_ITO.vermillion,
  counted: OKABE_ITO.bluishGreen,
  course: OKABE_ITO.reddishPurple,
  score: OKABE_ITO.black,
  remission: OKABE_ITO.bluishGreen,
  response: OKABE_ITO.orange,
  asOf: OKABE_ITO.vermillion,
  episode: OKABE_ITO.black,
  text: "#1a1a1a",
  muted: "#595959",
  grid: "#d9d9d9",
  laneBackground: "#f4f4f4",
} as const);
