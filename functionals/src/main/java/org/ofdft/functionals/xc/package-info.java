/**
 * Pointwise exchange–correlation kernels of the homogeneous electron gas and its gradient corrections,
 * spin-unpolarized, in Hartree atomic units.
 *
 * <p>Conventions follow libxc (Lehtola, Steigemann, Oliveira, Marques, SoftwareX 7, 1 (2018)):
 * for a density n and σ = |∇n|², a kernel returns the energy per volume e = n·ε_xc (ε_xc is the energy
 * per particle, libxc's {@code zk}), {@code vrho} = ∂e/∂n and, for GGAs, {@code vsigma} = ∂e/∂σ. The
 * exchange–correlation potential of a GGA is then v_xc = vrho − 2∇·(vsigma ∇n).
 *
 * <p>Every kernel reproduces libxc 5.2.3 to 1e-12 relative on {@code validation-data/libxc/xc_table.txt},
 * including libxc's parameter digits and its low-density screening (dens_threshold; σ floored at
 * dens_threshold^(8/3)).
 */
package org.ofdft.functionals.xc;
