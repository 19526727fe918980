/**
 * Structure files for the learning code: {@link org.ofdft.ml.io.XyzReader} (XYZ and ASE's extended XYZ,
 * ångström in the file, bohr after reading), POSCAR through the functionals module's reader
 * ({@link org.ofdft.ml.io.StructureFiles} chooses by file name), and the common record
 * {@link org.ofdft.ml.io.Atoms} (species, positions in bohr, optional cell, per-frame key=value information).
 */
package org.ofdft.ml.io;
