/**
 * A sample of points in the unit hypercube, one point a row, one parameter a column, stored row by
 * row in one Float64Array: designs of tens of thousands of points over dozens of parameters stay
 * one allocation, and a row is a view (`subarray`), not a copy. The caller maps each column from
 * [0, 1) to its parameter's range or distribution; nothing here knows what a column stands for.
 */
export interface SampleMatrix {
  readonly rows: number;
  readonly columns: number;
  /** rows × columns values, row-major: point r, parameter c at r × columns + c. */
  readonly values: Float64Array;
}

export function emptySampleMatrix(rows: number, columns: number): SampleMatrix {
  return { rows, columns, values: new Float64Array(rows * columns) };
}

export function sampleValue(matrix: SampleMatrix, row: number, column: number): number {
  return matrix.values[row * matrix.columns + column]!;
}

/** Point `row` as a view into the matrix (writing to it writes to the matrix). */
export function samplePoint(matrix: SampleMatrix, row: number): Float64Array {
  return matrix.values.subarray(row * matrix.columns, (row + 1) * matrix.columns);
}

/** A matrix from points given as arrays, e.g. a hand-written design in a test. */
export function sampleMatrixFromPoints(points: readonly (readonly number[])[]): SampleMatrix {
  const columns = points[0]?.length ?? 0;
  const matrix = emptySampleMatrix(points.length, columns);
  points.forEach((point, row) => {
    if (point.length !== columns) {
      throw new RangeError(`point ${row} has ${point.length} values, the first has ${columns}`);
    }
    matrix.values.set(point, row * columns);
  });
  return matrix;
}
