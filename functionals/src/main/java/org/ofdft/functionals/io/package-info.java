/**
 * Readers of structure and pseudopotential files: VASP POSCAR ({@link org.ofdft.functionals.io.PoscarReader}),
 * CASTEP/BLPS {@code .recpot} ({@link org.ofdft.functionals.io.RecpotReader}) and UPF v2
 * ({@link org.ofdft.functionals.io.UpfReader}). Units are converted to Hartree atomic units at this boundary.
 * Unreadable, truncated or garbled files raise {@link org.ofdft.functionals.io.InputFileException}, whose
 * message starts with {@code file:line:}.
 */
package org.ofdft.functionals.io;
