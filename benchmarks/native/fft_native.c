/*
 * Native FFTW baseline for the FFT benchmark (benchmarks/fft.sh).
 *
 * For every size n and thread count t, in each of R rounds: forgets all wisdom, plans
 * fftw_plan_dft_r2c_3d and fftw_plan_dft_c2r_3d of n x n x n with FFTW_MEASURE on fftw_malloc'ed
 * buffers, warms up, then times many repetitions of forward + inverse + the 1/N scaling loop (the
 * same work as one forward/inverse pair of org.ofdft.grids.fft.RealFft3D, minus the copies between
 * Java arrays and native memory). Prints the median milliseconds per pair over the pooled samples of
 * all rounds. Planning afresh in every round (as every JMH fork does on the Java side) makes the
 * result cover FFTW_MEASURE's run-to-run choice of plan, which is noisy on small shared machines.
 *
 * Build: gcc -O3 -march=native fft_native.c -o fft_native -lfftw3_threads -lfftw3 -lm -lpthread
 * Usage: fft_native [-s 48,64,96,100,128] [-t 1,2] [-m seconds per round] [-w warm-up seconds]
 *                   [-r rounds]
 * Output: comment lines starting with '#', then one line per case:
 *   n threads median_ms min_ms p90_ms repetitions plan_seconds round_medians_ms(comma-separated)
 */
#include <fftw3.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_LIST 64

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int parse_list(const char *text, int *values) {
    int count = 0;
    char *copy = strdup(text);
    for (char *token = strtok(copy, ","); token != NULL && count < MAX_LIST; token = strtok(NULL, ",")) {
        values[count++] = atoi(token);
    }
    free(copy);
    return count;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double percentile(const double *sorted, size_t count, double p) {
    double position = p * (double) (count - 1);
    size_t below = (size_t) floor(position);
    size_t above = below + 1 < count ? below + 1 : below;
    double fraction = position - (double) below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

static void pair(fftw_plan forward, fftw_plan inverse, double *real, size_t total, double scale) {
    fftw_execute(forward);
    fftw_execute(inverse);
    for (size_t i = 0; i < total; i++) {
        real[i] *= scale;
    }
}

int main(int argc, char **argv) {
    int sizes[MAX_LIST], threads[MAX_LIST];
    int size_count = parse_list("48,64,96,100,128", sizes);
    int thread_count = parse_list("1,2", threads);
    double measure_seconds = 1.5, warmup_seconds = 0.5;
    int rounds = 2;
    for (int a = 1; a + 1 < argc; a += 2) {
        if (strcmp(argv[a], "-s") == 0) {
            size_count = parse_list(argv[a + 1], sizes);
        } else if (strcmp(argv[a], "-t") == 0) {
            thread_count = parse_list(argv[a + 1], threads);
        } else if (strcmp(argv[a], "-m") == 0) {
            measure_seconds = atof(argv[a + 1]);
        } else if (strcmp(argv[a], "-w") == 0) {
            warmup_seconds = atof(argv[a + 1]);
        } else if (strcmp(argv[a], "-r") == 0) {
            rounds = atoi(argv[a + 1]);
        } else {
            fprintf(stderr, "unknown option %s\n", argv[a]);
            return 2;
        }
    }
    if (!fftw_init_threads()) {
        fprintf(stderr, "fftw_init_threads failed\n");
        return 1;
    }
    printf("# library %s\n", fftw_version);
    printf("# cc %s\n", fftw_cc);
    if (rounds < 1) {
        rounds = 1;
    }
    printf("# rounds %d, %.2f s timed per round after %.2f s warm-up\n", rounds, measure_seconds,
           warmup_seconds);
    printf("# n threads median_ms min_ms p90_ms repetitions plan_seconds round_medians_ms\n");
    fflush(stdout);

    for (int s = 0; s < size_count; s++) {
        int n = sizes[s];
        size_t total = (size_t) n * n * n;
        size_t complex_count = (size_t) n * n * (n / 2 + 1);
        double *real = fftw_alloc_real(total);
        fftw_complex *spectrum = fftw_alloc_complex(complex_count);
        double *input = malloc(total * sizeof(double));
        srand(42);
        for (size_t i = 0; i < total; i++) {
            input[i] = (double) rand() / RAND_MAX - 0.5;
        }
        for (int t = 0; t < thread_count; t++) {
            size_t capacity = 1024, count = 0;
            double *times = malloc(capacity * sizeof(double));
            double plan_seconds = 0.0;
            char round_medians[64 * 16] = "";
            for (int round = 0; round < rounds; round++) {
                fftw_forget_wisdom();
                fftw_plan_with_nthreads(threads[t]);
                double plan_start = now_seconds();
                fftw_plan forward = fftw_plan_dft_r2c_3d(n, n, n, real, spectrum, FFTW_MEASURE);
                fftw_plan inverse = fftw_plan_dft_c2r_3d(n, n, n, spectrum, real, FFTW_MEASURE);
                plan_seconds += now_seconds() - plan_start;
                if (forward == NULL || inverse == NULL) {
                    fprintf(stderr, "planning failed for n=%d\n", n);
                    return 1;
                }
                memcpy(real, input, total * sizeof(double));
                double scale = 1.0 / (double) total;

                double start = now_seconds();
                int warm = 0;
                while (warm < 3 || now_seconds() - start < warmup_seconds) {
                    pair(forward, inverse, real, total, scale);
                    warm++;
                }

                size_t first = count;
                start = now_seconds();
                while (count - first < 11 || (now_seconds() - start < measure_seconds && count - first < 1000000)) {
                    double t0 = now_seconds();
                    pair(forward, inverse, real, total, scale);
                    double t1 = now_seconds();
                    if (count == capacity) {
                        capacity *= 2;
                        times = realloc(times, capacity * sizeof(double));
                    }
                    times[count++] = 1e3 * (t1 - t0);
                }
                /* Sanity check: after many round trips the data must still equal the input. */
                double max_error = 0.0;
                for (size_t i = 0; i < total; i++) {
                    max_error = fmax(max_error, fabs(real[i] - input[i]));
                }
                if (max_error > 1e-9) {
                    fprintf(stderr, "round trip error %g for n=%d\n", max_error, n);
                    return 1;
                }
                qsort(times + first, count - first, sizeof(double), compare_doubles);
                size_t used = strlen(round_medians);
                if (used < sizeof(round_medians) - 32) {
                    snprintf(round_medians + used, sizeof(round_medians) - used, "%s%.4f",
                             round == 0 ? "" : ",", percentile(times + first, count - first, 0.5));
                }
                fftw_destroy_plan(forward);
                fftw_destroy_plan(inverse);
            }
            qsort(times, count, sizeof(double), compare_doubles);
            printf("%d %d %.6f %.6f %.6f %zu %.3f %s\n", n, threads[t], percentile(times, count, 0.5),
                   times[0], percentile(times, count, 0.9), count, plan_seconds, round_medians);
            fflush(stdout);
            free(times);
        }
        fftw_free(real);
        fftw_free(spectrum);
        free(input);
    }
    fftw_cleanup_threads();
    return 0;
}
