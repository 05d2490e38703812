/** The files `arrcast score --out DIR` writes (their own file: output-entries.ts names them without loading the score's writer). */
export const SCORE_FILES = {
  json: 'score.json',
  csv: 'score.csv',
  html: 'score.html',
  pitSpec: 'pit-histogram.vl.json',
  pitSvg: 'pit-histogram.svg',
  calibrationSpec: 'calibration.vl.json',
  calibrationSvg: 'calibration.svg',
} as const;
