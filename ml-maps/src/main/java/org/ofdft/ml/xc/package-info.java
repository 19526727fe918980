/**
 * Neural-network exchange–correlation functionals for 1D Kohn–Sham (issue 8), in double precision on
 * Deeplearning4j's SameDiff (CPU).
 *
 * <ul>
 * <li>{@link org.ofdft.ml.xc.EnergyXcFunctional}: E_xc = Σ_j n_j ε_NN(n_(j−w..j+w)) h, v_xc = (1/h)∂E/∂n_j by
 *     automatic differentiation — a {@code DensityFunctional} that {@code KohnSham1D} uses exactly like the LDA.</li>
 * <li>{@link org.ofdft.ml.xc.PotentialXcFunctional}: v_xc = NN(window) directly (Nagai et al. 2018); no energy
 *     functional — the energy it reports is a λ line integral (see there).</li>
 * <li>{@link org.ofdft.ml.xc.XcTrainer}: full-batch L-BFGS or Adam with early stopping on exact E_xc and
 *     v_xc (up to a constant per system) from {@link org.ofdft.ml.xc.XcReferenceData} (exact two-electron
 *     references, or two-electron datasets such as the DMRG H₂ data).</li>
 * <li>{@link org.ofdft.ml.xc.XcModelFile}: the versioned {@code .npz} model file (JSON header with
 *     {@code format = ofdft-model}, {@code format_version = 1}, {@code model_type = nn-xc-energy-1d |
 *     nn-xc-potential-1d}, payload SHA-256, training fingerprint, grid spacing and interaction; arrays W0, b0, …).
 *     Models are refused on another grid spacing or interaction unless forced
 *     ({@link org.ofdft.ml.xc.XcModel#requireCompatible}).</li>
 * <li>{@link org.ofdft.ml.xc.XcSelfConsistency}: Kohn–Sham SCF (Hartree + XC, Pulay) against exact densities
 *     and energies; non-converged runs carry their residual history.</li>
 * </ul>
 *
 * <p>Entry points for a command line: {@code XcModelFile.read(path)}; then {@code new EnergyXcFunctional(model,
 * grid, interaction, force)} or {@code new PotentialXcFunctional(...)} according to {@code model.kind()}, as the
 * {@code xc} term of {@code KohnSham1D}; for a dataset in JAX-DFT's layout, {@code XcReferenceData.gridOf(dataset)}
 * and {@code new XcSelfConsistency(grid, 4, interaction, functional, XcSelfConsistency.CRITERIA).solve(label,
 * v_ext, N, n_ref, E_ref)} per row. Accuracy study: {@code benchmarks/nn-xc.sh}.
 *
 * <p>ND4J's OpenMP threads spin while waiting; on a small shared machine set {@code OMP_NUM_THREADS=1}.
 */
package org.ofdft.ml.xc;
