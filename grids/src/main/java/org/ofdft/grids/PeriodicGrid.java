package org.ofdft.grids;

/**
 * A grid with periodic boundary conditions, on which fields have a discrete Fourier series and
 * spectral operators apply. Its FFT shape is n1 × n2 × n3 (1 × 1 × n for a 1D periodic grid).
 */
public sealed interface PeriodicGrid extends Grid permits PeriodicGrid1D, Grid3D {

    /** FFT shape {n1, n2, n3}; the real array index is (i1·n2 + i2)·n3 + i3. */
    int[] fftShape();

    /** Wave vectors of the half spectrum, computed once and cached. */
    ReciprocalGrid reciprocal();
}
