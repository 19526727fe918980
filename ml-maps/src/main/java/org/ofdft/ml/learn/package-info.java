/**
 * Structure–property learning from one command: a {@link org.ofdft.ml.learn.MoleculeDataset} (molecules
 * and a scalar property from an extended XYZ file), a {@link org.ofdft.ml.learn.MolecularDescriptor}
 * (Coulomb matrix, bag of bonds, SOAP summed over atoms), kernel ridge regression with (σ, λ) chosen by k-fold
 * cross-validation on the training set ({@link org.ofdft.ml.learn.KernelGridSearch}) and a
 * {@link org.ofdft.ml.learn.LearningCurve} scored by {@link org.ofdft.ml.validation.Metrics} on held-out
 * molecules; {@link org.ofdft.ml.learn.LearningCurveReport} writes the table, JSON and PNG that
 * {@code ofdft learn} produces.
 *
 * <p>All distances are computed once per study ({@link org.ofdft.ml.learn.PairwiseDistances}); the linear
 * algebra is LAPACK's Cholesky from OpenBLAS, or EJML where the native library is missing
 * ({@link org.ofdft.ml.regression.DenseCholesky}).
 */
package org.ofdft.ml.learn;
