/**
 * Descriptors (representations) of molecules and crystals for regression models.
 *
 * <p>Molecules, one vector per molecule: {@link org.ofdft.ml.descriptors.CoulombMatrix} (unsorted,
 * row-norm sorted, eigenvalue spectrum) and {@link org.ofdft.ml.descriptors.BagOfBonds}; their distances
 * are in an explicit {@link org.ofdft.ml.descriptors.LengthUnit} (published QM7 numbers use ångström).
 *
 * <p>Atomic environments, one vector per atom ({@link org.ofdft.ml.descriptors.AtomicFeatures}, with
 * optional analytic derivatives with respect to every position): Behler–Parrinello
 * {@link org.ofdft.ml.descriptors.SymmetryFunctions} and the {@link org.ofdft.ml.descriptors.Soap} power
 * spectrum, both in bohr, over periodic images through {@link org.ofdft.ml.descriptors.NeighbourList}.
 *
 * <p>Crystals, one vector per structure: {@link org.ofdft.ml.descriptors.PartialRadialDistribution}.
 *
 * <p>Inputs are {@link org.ofdft.ml.io.Atoms} (positions in bohr) from the XYZ or POSCAR readers.
 * Descriptor objects are immutable and may be shared between threads; each call allocates its own scratch.
 */
package org.ofdft.ml.descriptors;
