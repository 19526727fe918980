/* Reference table of libxc 5.2.3 LDA values for spin-polarized densities (n_up, n_down).
 * Build:  gcc -O2 -o xc_table_polarized xc_table_polarized.c -lxc -lm
 * Run:    ./xc_table_polarized > xc_table_polarized.txt
 * Columns: n_up, n_down, zk (energy per particle), vrho_up, vrho_down (= dE/dn_sigma). Default thresholds.
 */
#include <stdio.h>
#include <xc.h>

static const double NS[] = {1e-3, 1e-2, 1e-1, 1.0, 10.0};
static const double ZETAS[] = {0.0, 0.3, -0.5, 0.9, 1.0, -1.0};

static void lsda(int id, const char *label) {
  xc_func_type f;
  if (xc_func_init(&f, id, XC_POLARIZED) != 0) { printf("init failed %d\n", id); return; }
  printf("\n# %s  (libxc id %d: %s)  dens_threshold=%.3e\n", label, id, f.info->name, f.dens_threshold);
  printf("# %-22s %-24s %-24s %-24s %-24s\n", "n_up", "n_down", "eps_xc(per particle)", "vrho_up", "vrho_down");
  for (size_t i = 0; i < sizeof(NS) / sizeof(NS[0]); i++) {
    for (size_t j = 0; j < sizeof(ZETAS) / sizeof(ZETAS[0]); j++) {
      double n = NS[i], z = ZETAS[j];
      double rho[2] = {0.5 * n * (1 + z), 0.5 * n * (1 - z)}, zk, vrho[2];
      xc_lda_exc_vxc(&f, 1, rho, &zk, vrho);
      printf("%-24.16e %-24.16e %-24.16e %-24.16e %-24.16e\n", rho[0], rho[1], zk, vrho[0], vrho[1]);
    }
  }
  xc_func_end(&f);
}

int main(void) {
  printf("# libxc %s, XC_POLARIZED\n", xc_version_string());
  lsda(XC_LDA_X, "LDA_X");
  lsda(XC_LDA_C_PW, "LDA_C_PW");
  lsda(XC_LDA_C_PW_MOD, "LDA_C_PW_MOD");
  return 0;
}
