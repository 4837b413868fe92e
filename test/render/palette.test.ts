import { describe, expect, it } from 'vitest';
import {
  distinctStyles,
  entityStyle,
  inPaletteOrder,
  investmentName,
  pairName,
  splitPair,
} from '../../src/render/palette.js';
import { CLOUDS, VENDORS } from './sample-table.js';

describe('palette', () => {
  it('names the known vendors and clouds', () => {
    expect(entityStyle('google').name).toBe('Google (Gemini)');
    expect(entityStyle('gcp').name).toBe('Google Cloud');
    expect(entityStyle('meta').name).toBe('Meta Llama (open weights)');
  });

  it('gives all known vendors and clouds distinct colours', () => {
    const colours = [...VENDORS, 'deepseek', ...CLOUDS].map((id) => entityStyle(id).colour);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('gives an unknown id its id as name and the same fallback colour every time', () => {
    const style = entityStyle('cohere');
    expect(style.name).toBe('cohere');
    expect(entityStyle('cohere').colour).toBe(style.colour);
    expect([...VENDORS, ...CLOUDS].map((id) => entityStyle(id).colour)).not.toContain(style.colour);
  });

  it('orders known entities as the palette does, unknown ones after them as given', () => {
    expect(inPaletteOrder(['zeta', 'meta', 'alpha', 'openai'])).toEqual(['openai', 'meta', 'zeta', 'alpha']);
  });

  it('names vendor–cloud pairs readably, known or not', () => {
    expect(pairName('openai@azure')).toBe('OpenAI @ Azure');
    expect(investmentName('anthropic@aws')).toBe('AWS → Anthropic');
    expect(pairName('cohere@coreweave')).toBe('cohere @ coreweave');
    expect(splitPair('noclouds')).toEqual({ vendor: 'noclouds', cloud: '(unnamed cloud)' });
  });

  it('gives unknown entities drawn side by side distinct fallback colours', () => {
    const ids = ['azure', 'a', 'b', 'c', 'd', 'e', 'f'];
    const colours = [...distinctStyles(ids).values()].map((s) => s.colour);
    expect(colours[0]).toBe(entityStyle('azure').colour);
    expect(new Set(colours).size).toBe(ids.length);
  });
});
