/* libxc reference values for the 1D soft-Coulomb LDA, w(x) = 1/sqrt(x^2 + 1), spin-unpolarized.
 * Build:  gcc -O2 -o softcoulomb_table softcoulomb_table.c -lxc -lm
 * Run:    ./softcoulomb_table > softcoulomb_table.txt
 *
 * Functionals (libxc 5.2.3 ids, xc_funcs.h):
 *   XC_LDA_X_1D_SOFT (21)  one external parameter: beta (softening of 1/sqrt(x^2 + beta^2)), set to 1
 *   XC_LDA_C_1D_CSC  (18)  two external parameters, in this order: interaction (0 exponentially
 *                          screened | 1 soft-Coulomb) and beta (the softening b); set to (1, 1), i.e. the
 *                          soft-Coulomb b = 1 parameter set (Helbig et al., PRA 83, 032503 (2011))
 * Conventions (libxc, atomic units, Hartree; 1D: n is a density per length, r_s = 1/(2n)):
 *   zk = eps, energy PER PARTICLE; e = n * eps; vrho = de/dn.
 * libxc's default density thresholds are kept; each header prints the one in force.
 */
#include <stdio.h>
#include <xc.h>

static const double NS[] = {1e-5, 1e-3, 1e-2, 1e-1, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0};
#define NN (sizeof(NS) / sizeof(NS[0]))

static void lda(int id, const char *label, int npar, const double *par) {
  xc_func_type f;
  if (xc_func_init(&f, id, XC_UNPOLARIZED) != 0) { printf("init failed %d\n", id); return; }
  xc_func_set_ext_params(&f, par);
  double rho[NN], zk[NN], vrho[NN];
  for (size_t i = 0; i < NN; i++) rho[i] = NS[i];
  xc_lda_exc_vxc(&f, NN, rho, zk, vrho);
  printf("\n# %s  (libxc id %d: %s)  dens_threshold=%.3e  [ext_params", label, id, f.info->name, f.dens_threshold);
  for (int k = 0; k < npar; k++)
    printf(" %s=%g", f.info->ext_params.names[k], par[k]);
  printf("]\n# %-22s %-24s %-24s %-24s\n", "n", "eps(per particle)", "e=n*eps", "vrho");
  for (size_t i = 0; i < NN; i++)
    printf("%-24.16e %-24.16e %-24.16e %-24.16e\n", rho[i], zk[i], rho[i] * zk[i], vrho[i]);
  xc_func_end(&f);
}

int main(void) {
  printf("# libxc version %s (Debian libxc9/libxc-dev), spin-unpolarized, atomic units (Hartree), 1D\n",
         xc_version_string());
  const double xpar[] = {1.0};       /* beta */
  const double cpar[] = {1.0, 1.0};  /* interaction = 1 (soft-Coulomb), beta = 1 */
  lda(XC_LDA_X_1D_SOFT, "LDA_X_1D_SOFT", 1, xpar);
  lda(XC_LDA_C_1D_CSC, "LDA_C_1D_CSC", 2, cpar);
  return 0;
}
