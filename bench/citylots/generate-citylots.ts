import { CITYLOTS_STREETS, type Street } from './citylots-streets.js';
import { createPrng } from './create-prng.js';
import { pickWeighted } from './pick-weighted.js';

// The numbers the benchmark's NUMERIC and COMPLEX_ARRAYS rules compare with.
const X_EQUAL = -122.42916360922355;
const X_SPLIT = -122.41600944012424;
const X_LOW = -122.46471267081272;
const X_HIGH = -122.4063085128395;
const Y_EQUAL = 37.729900216217324;
/**
 * Random coordinates keep this far from every rule constant, so a count never depends on how a
 * matcher rounds (EventBridge documents 6 decimal places for numeric matching; event-ruler compares
 * more digits). The constants still occur where planted on purpose.
 */
const GUARD = 1e-5;

const BLOCKS = 7000;
/** Block x ranges and their shares: ~70% of blocks west of X_SPLIT, ~60% between X_LOW and X_HIGH. */
const X_BANDS: readonly (readonly [number, number, number])[] = [
  [-122.5115, X_LOW, 25],
  [X_LOW, X_SPLIT, 45],
  [X_SPLIT, X_HIGH, 15],
  [X_HIGH, -122.3575, 15],
];
/** Vertices per ring (the closing vertex included) and their weights: mean ~15, so ~900 bytes an event. */
const VERTICES: readonly (readonly [number, number])[] = [
  [5, 34],
  [6, 10],
  [7, 9],
  [8, 8],
  [9, 6],
  [10, 5],
  [12, 5],
  [14, 4],
  [17, 3],
  [21, 3],
  [26, 2],
  [32, 1.5],
  [40, 1.2],
  [52, 0.8],
  [75, 0.4],
  [110, 0.2],
];
/** Records sharing one parcel (condominium units) and their weights. */
const GROUP_SIZES: readonly (readonly [number, number])[] = [
  [1, 1300],
  [2, 40],
  [3, 25],
  [4, 18],
  [6, 12],
  [8, 7],
  [12, 5],
  [20, 3],
  [40, 1.2],
  [80, 0.4],
  [150, 0.1],
];

interface Parcel {
  readonly lot: number;
  readonly size: number;
  readonly street?: Street;
  readonly fromSt?: number;
  /** A vertex other than the first at x = X_EQUAL (COMPLEX_ARRAYS_0, not NUMERIC_0). */
  readonly xEqualInside?: boolean;
  /** The first vertex at x = X_EQUAL (NUMERIC_0 and COMPLEX_ARRAYS_0). */
  readonly xEqualFirst?: boolean;
  /** A MultiPolygon with a vertex at y = Y_EQUAL (COMPLEX_ARRAYS_1). */
  readonly multiYEqual?: boolean;
  /** A vacated street: MAPBLKLOT is this name, not block + lot. */
  readonly vacated?: string;
}

type Point = readonly [number, number];

/**
 * `count` events shaped like the San Francisco lots of aws/event-ruler's citylots2 benchmark, one
 * JSON text each: `{"type":"Feature","properties":{MAPBLKLOT, BLKLOT, BLOCK_NUM, LOT_NUM, FROM_ST,
 * TO_ST, STREET, ST_TYPE, ODD_EVEN},"geometry":{"type":"Polygon"|"MultiPolygon","coordinates":
 * rings of {x,y,z} objects,"firstCoordinates":{x,y,z}}}`. Parcels the benchmark's exact, wildcard
 * and numeric rules name are planted, scaled to `count`; the rest is drawn from `seed`, so the same
 * arguments give byte-identical events.
 */
export function generateCitylots(count: number, seed = 1): string[] {
  const prng = createPrng(seed);
  const scaled = (k: number) => Math.max(1, Math.round((k * count) / 200_000));
  const pickStreet = pickWeighted(CITYLOTS_STREETS, (street) => street[2]);
  const pickBand = pickWeighted(X_BANDS, (band) => band[2]);
  const pickVertices = pickWeighted(VERTICES, (entry) => entry[1]);
  const pickGroup = pickWeighted(GROUP_SIZES, (entry) => entry[1]);
  const streetNamed = (name: string) => CITYLOTS_STREETS.find((street) => street[0] === name);

  const planted = new Map<string, Parcel[]>([
    [
      '0541',
      [
        { lot: 8, size: scaled(210), xEqualInside: true },
        { lot: 9, size: 2, xEqualFirst: true },
      ],
    ],
    ['1430', [{ lot: 22, size: 1 }]],
    [
      '2607',
      [
        { lot: 117, size: scaled(100) },
        { lot: 218, size: scaled(35) },
      ],
    ],
    ['3745', [{ lot: 12, size: scaled(620), fromSt: 441 }]],
    ['4316', [{ lot: 3, size: 1, multiYEqual: true }]],
    ['5203', [{ lot: 995, size: 1, vacated: 'VACSTWIL', street: streetNamed('UNKNOWN') }]],
    ['6120', [{ lot: 995, size: 1, vacated: 'VACSTMIS', street: streetNamed('UNKNOWN') }]],
  ]);
  let reserved = 0;
  for (const parcels of planted.values()) for (const parcel of parcels) reserved += parcel.size;
  if (count < reserved) throw new Error(`count must be at least ${reserved} (the planted parcels)`);

  const events: string[] = [];
  let budget = count - reserved;
  const mean = budget / BLOCKS;

  const guardX = (x: number) =>
    [X_EQUAL, X_SPLIT, X_LOW, X_HIGH].some((c) => Math.abs(x - c) < GUARD) ? x + 3 * GUARD : x;
  const guardY = (y: number) => (Math.abs(y - Y_EQUAL) < GUARD ? y + 3 * GUARD : y);

  function houseNumber(): number {
    if (prng.chance(0.08)) return 0;
    const r = prng.next();
    if (r < 0.06) return 1 + prng.below(99);
    if (r < 0.5) return 100 + prng.below(900);
    if (r < 0.97) return 1000 + prng.below(4000);
    return 5000 + prng.below(5000);
  }

  function ring(x0: number, x1: number, y0: number, y1: number, vertices: number): Point[] {
    // The four corners, then extra points along the far and side edges, closed on the first.
    const points: Point[] = [[x0, y0]];
    const extra = Math.max(0, vertices - 5);
    const side = Math.floor(extra / 3);
    const back = extra - 2 * side;
    points.push([x1, y0]);
    for (let i = 1; i <= side; i++) points.push([x1, guardY(y0 + ((y1 - y0) * i) / (side + 1))]);
    points.push([x1, y1]);
    for (let i = 1; i <= back; i++) {
      const x = x1 - ((x1 - x0) * i) / (back + 1) + prng.between(-2e-5, 2e-5);
      points.push([guardX(x), guardY(y1 + prng.between(-2e-5, 2e-5))]);
    }
    points.push([x0, y1]);
    for (let i = side; i >= 1; i--) points.push([x0, guardY(y0 + ((y1 - y0) * i) / (side + 1))]);
    points.push([x0, y0]);
    return points;
  }

  const vertexOf = ([x, y]: Point) => ({ x, y, z: 0 });
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  interface BlockState {
    readonly id: string;
    readonly street: Street;
    readonly y0: number;
    readonly y1: number;
    gridX: number;
    house: number;
  }

  function emitParcel(block: BlockState, parcel: Parcel): void {
    const street = parcel.street ?? (prng.chance(0.75) ? block.street : pickStreet(prng));
    let from = parcel.fromSt ?? (prng.chance(0.7) ? block.house : houseNumber());
    if (parcel.fromSt === undefined && from === 441) from = 443; // 441 is the planted parcel's
    block.house = block.house > 0 ? block.house + 2 * (1 + prng.below(3)) : 0;
    const to = prng.chance(0.6) ? from : from + 2 * (1 + prng.below(12));

    const x0 = parcel.xEqualFirst ? X_EQUAL : block.gridX;
    const x1 = parcel.xEqualInside ? X_EQUAL : guardX(x0 + prng.between(0.00008, 0.0004));
    block.gridX = x1;
    const rings = [ring(x0, x1, block.y0, block.y1, pickVertices(prng)[0])];
    if (parcel.multiYEqual) rings.push(ring(x0, x1, Y_EQUAL, guardY(Y_EQUAL + 0.0004), 7));
    else if (parcel.vacated === undefined && prng.chance(0.0006)) {
      const dy = 0.0006 + prng.between(0, 0.0004);
      rings.push(ring(x0, x1, guardY(block.y0 + dy), guardY(block.y1 + dy), 5 + 2 * prng.below(4)));
    }
    const multi = rings.length > 1;
    const first = rings[0]?.[0] ?? [x0, block.y0];
    // Units of one parcel share its polygon: its text is made once.
    const geometry = JSON.stringify({
      type: multi ? 'MultiPolygon' : 'Polygon',
      coordinates: multi ? rings.map((r) => [r.map(vertexOf)]) : [rings[0]?.map(vertexOf) ?? []],
      firstCoordinates: vertexOf(first),
    });
    const mapBlkLot = parcel.vacated ?? `${block.id}${pad(parcel.lot, 3)}`;
    for (let unit = 0; unit < parcel.size; unit++) {
      const lot = parcel.size > 1 ? parcel.lot + 1 + unit : parcel.lot;
      const properties = {
        MAPBLKLOT: mapBlkLot,
        BLKLOT: parcel.vacated ?? `${block.id}${pad(lot, 3)}`,
        BLOCK_NUM: parcel.vacated === undefined ? block.id : parcel.vacated.slice(0, 5),
        LOT_NUM: parcel.vacated === undefined ? pad(lot, 3) : parcel.vacated.slice(5),
        FROM_ST: String(from),
        TO_ST: String(to),
        STREET: street[0],
        ST_TYPE: street[1],
        ODD_EVEN: from % 2 === 0 ? 'E' : 'O',
      };
      events.push(`{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":${geometry}}`);
    }
  }

  function groupSize(): number {
    const size = pickGroup(prng)[0];
    return size === 1 ? 1 : Math.max(2, Math.round(size * (0.7 + 0.6 * prng.next())));
  }

  function emitBlock(id: string, randomParcels: number): void {
    const band = pickBand(prng);
    const y0 = guardY(prng.between(37.7085, 37.8085));
    const block: BlockState = {
      id,
      street: pickStreet(prng),
      y0,
      y1: guardY(y0 + prng.between(0.0003, 0.0009)),
      gridX: guardX(prng.between(band[0] + 0.0005, band[1] - 0.0005)),
      house: houseNumber(),
    };
    const fixed = planted.get(id) ?? [];
    const taken = new Set<number>();
    for (const parcel of fixed) {
      for (let lot = parcel.lot; lot <= parcel.lot + (parcel.size > 1 ? parcel.size : 0); lot++)
        taken.add(lot);
    }
    // The inside-vertex parcel needs its neighbours to the west, so it is placed after them.
    if (fixed.some((parcel) => parcel.xEqualInside)) block.gridX = guardX(X_EQUAL - 0.004);
    let lot = 1;
    for (const parcel of fixed) emitParcel(block, parcel);
    for (let left = randomParcels; left > 0 && budget > 0; left--) {
      const size = Math.min(groupSize(), budget);
      while ([...Array(size > 1 ? size + 1 : 1).keys()].some((i) => taken.has(lot + i))) lot++;
      emitParcel(block, { lot, size });
      budget -= size;
      lot += size > 1 ? size + 1 : 1 + (prng.chance(0.1) ? 1 + prng.below(3) : 0);
    }
  }

  const parcelsIn = () => Math.floor(mean * (0.3 + 1.4 * prng.next()) + prng.next());
  for (let n = 1; n <= BLOCKS || budget > 0; n++) {
    emitBlock(pad(n, 4), parcelsIn());
    if (budget > 0 && prng.chance(0.012))
      emitBlock(`${pad(n, 4)}A`, 1 + prng.below(Math.max(1, Math.round(mean))));
  }
  return events;
}
