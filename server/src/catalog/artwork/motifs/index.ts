import { ArtworkMotif } from '../motif-names';
import { MotifPainter } from '../scene';
import { bokeh } from './bokeh';
import { forest } from './forest';
import { grid } from './grid';
import { mountains } from './mountains';
import { orb } from './orb';
import { rain } from './rain';
import { rings } from './rings';
import { shards } from './shards';
import { skyline } from './skyline';
import { starfield } from './starfield';
import { stripes } from './stripes';
import { waves } from './waves';

export const MOTIF_PAINTERS: Record<ArtworkMotif, MotifPainter> = {
  rings,
  skyline,
  mountains,
  waves,
  starfield,
  grid,
  stripes,
  orb,
  shards,
  bokeh,
  forest,
  rain,
};
