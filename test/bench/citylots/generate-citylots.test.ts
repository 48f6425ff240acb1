import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../bench/citylots/create-prng.js';
import { generateCitylots } from '../../../bench/citylots/generate-citylots.js';

describe('generateCitylots', () => {
  it('gives byte-identical events for the same seed and different ones for another seed', () => {
    const first = generateCitylots(3000, 7);
    expect(generateCitylots(3000, 7)).toEqual(first);
    expect(generateCitylots(3000, 8)).not.toEqual(first);
    expect(first).toHaveLength(3000);
  });

  it('shapes each event as the citylots2 lots: string properties, {x,y,z} vertices and the first of them', () => {
    for (const text of generateCitylots(3000)) {
      const event = JSON.parse(text);
      expect(Object.keys(event)).toEqual(['type', 'properties', 'geometry']);
      expect(Object.keys(event.properties)).toEqual([
        'MAPBLKLOT',
        'BLKLOT',
        'BLOCK_NUM',
        'LOT_NUM',
        'FROM_ST',
        'TO_ST',
        'STREET',
        'ST_TYPE',
        'ODD_EVEN',
      ]);
      for (const value of Object.values(event.properties)) expect(typeof value).toBe('string');
      const { type, coordinates, firstCoordinates } = event.geometry;
      const rings = type === 'Polygon' ? coordinates : coordinates.flat();
      expect(['Polygon', 'MultiPolygon']).toContain(type);
      expect(rings[0][0]).toEqual(firstCoordinates);
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(5);
        expect(ring.at(-1)).toEqual(ring[0]);
      }
    }
  });

  it('plants every parcel the exact-match rules name, however few events are asked for', () => {
    const lots = new Set(generateCitylots(2000).map((text) => JSON.parse(text).properties.MAPBLKLOT));
    for (const lot of ['1430022', '2607117', '2607218', '3745012', 'VACSTWIL']) expect(lots).toContain(lot);
  });

  it('refuses a count too small for the planted parcels', () => {
    expect(() => generateCitylots(5)).toThrow(/count must be at least/);
  });
});

describe('createPrng', () => {
  it('draws the same sequence from the same seed, uniformly in [0, 1)', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const draws = Array.from({ length: 10_000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 10_000 }, () => b.next()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});
