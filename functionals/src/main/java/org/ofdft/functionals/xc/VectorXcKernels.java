package org.ofdft.functionals.xc;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ofdft.grids.simd.ArrayMath;

/**
 * SIMD versions of the 3D XC kernels' block evaluation. Loaded only when the JVM has the vector API (see
 * {@link ArrayMath#vectorized()}); each kernel's {@code evaluateScalar} is the reference these are tested
 * against (KernelSimdAgreementTest).
 *
 * <p>Two measured facts shape the code. C2 does not auto-vectorize the scalar arithmetic loops (several
 * divisions and stores per point): PBE exchange's arithmetic takes 3.5 ns per point scalar, 0.45 ns as vector
 * code. And a vector transcendental function (HotSpot's SVML stubs) is cheap alone (∛: 0.43 ns per point) but
 * expensive inside a loop that keeps other vectors live across the call (1.1 ns for ∛ and two products), so the
 * kernels alternate whole-block {@link ArrayMath} function stages with vector arithmetic loops that call
 * nothing, passing intermediate values through the block's arrays. Each loop is a method of its own, no method
 * takes or returns a vector, and the JVM should not inline these methods into one another ({@code
 * -XX:CompileCommand=dontinline,org.ofdft.functionals.xc.VectorXcKernels::*}, which the launcher, the tests and
 * the benchmarks pass): C2 inlines the vector operations of one compilation unit only up to a node budget, and
 * an operation it leaves out boxes every vector on the heap. Whether the loops get inlined together depends on
 * what the JVM compiled before; measured in a JVM that first ran the other functionals, PBE allocated 17.8 MB
 * per 64³ evaluation without the option and 768 B with it. Without the option the results are the same, only
 * slower; {@code -Dofdft.simd=false} selects the scalar kernels. Divisions are the other cost (a 512-bit
 * division takes as long as about ten products): each kernel forms 1/∛n once and writes n^(−7/3), n^(−8/3) as
 * its powers, so PBE correlation divides 6 times per point instead of the scalar reference's 17. Screening is a
 * scalar pass at the end ({@link XcBlock#screen}): lane masks cost more than the rarely taken branch. PZ81
 * computes both of its branches in every lane and blends them.
 *
 * <p>Loops run over whole vectors up to count rounded up to the lane count; {@link XcBlock}'s arrays are padded
 * for that, and what the padding lanes compute is never read.
 */
final class VectorXcKernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorXcKernels() {
    }

    private static int bound(XcBlock block) {
        return (block.count() + LANES - 1) / LANES * LANES;
    }

    /** {@link SlaterExchange}: e = n C_X n^(1/3), vrho = (4/3) C_X n^(1/3). */
    static void slater(XcBlock block, double threshold) {
        int bound = bound(block);
        ArrayMath.cbrt(block.density, block.cubeRoot, 0, bound);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector n = DoubleVector.fromArray(SPECIES, block.density, j);
            DoubleVector epsX = DoubleVector.fromArray(SPECIES, block.cubeRoot, j).mul(SlaterExchange.C_X);
            n.mul(epsX).intoArray(block.energyDensity, j);
            epsX.mul(4.0 / 3.0).intoArray(block.vrho, j);
        }
        block.screenPerSpinChannel(threshold);
    }

    /** {@link Pw92Correlation}: e = n ε_c(r_s), vrho = ε_c − (r_s/3) dε_c/dr_s. */
    static void pw92(XcBlock block, double a, double threshold) {
        int bound = bound(block);
        pw92Stages(block, a, bound);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector eps = DoubleVector.fromArray(SPECIES, block.work1, j);
            DoubleVector rs = DoubleVector.fromArray(SPECIES, block.work6, j).mul(Pw92Correlation.RS_FACTOR);
            DoubleVector.fromArray(SPECIES, block.density, j).mul(eps).intoArray(block.energyDensity, j);
            eps.sub(rs.mul(DoubleVector.fromArray(SPECIES, block.work2, j)).mul(1.0 / 3.0)).intoArray(block.vrho, j);
        }
        block.screen(threshold);
    }

    /**
     * {@link Pz81Correlation}: both branches for every lane, blended on r_s ≥ 1; r_s in work1 and ln r_s
     * in work2 between the loops.
     */
    static void pz81(XcBlock block, double threshold) {
        int bound = bound(block);
        ArrayMath.cbrt(block.density, block.cubeRoot, 0, bound);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector.broadcast(SPECIES, Pw92Correlation.RS_FACTOR)
                    .div(DoubleVector.fromArray(SPECIES, block.cubeRoot, j)).intoArray(block.work1, j);
        }
        ArrayMath.log(block.work1, block.work2, 0, bound);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector n = DoubleVector.fromArray(SPECIES, block.density, j);
            DoubleVector rs = DoubleVector.fromArray(SPECIES, block.work1, j);
            DoubleVector lnRs = DoubleVector.fromArray(SPECIES, block.work2, j);
            DoubleVector sqrtRs = rs.sqrt();
            DoubleVector inverseDenominator = DoubleVector.broadcast(SPECIES, 1.0)
                    .div(sqrtRs.mul(Pz81Correlation.BETA1).add(rs.mul(Pz81Correlation.BETA2)).add(1.0));
            DoubleVector epsLow = inverseDenominator.mul(Pz81Correlation.GAMMA);
            DoubleVector rsDepsLow = epsLow.neg().mul(sqrtRs.mul(0.5 * Pz81Correlation.BETA1)
                    .add(rs.mul(Pz81Correlation.BETA2))).mul(inverseDenominator);
            DoubleVector epsHigh = lnRs.mul(Pz81Correlation.A).add(Pz81Correlation.B)
                    .add(rs.mul(lnRs).mul(Pz81Correlation.C)).add(rs.mul(Pz81Correlation.D));
            DoubleVector rsDepsHigh = rs.mul(lnRs.add(1.0)).mul(Pz81Correlation.C).add(rs.mul(Pz81Correlation.D))
                    .add(Pz81Correlation.A);
            VectorMask<Double> lowDensity = rs.compare(VectorOperators.GE, 1.0);
            DoubleVector eps = epsHigh.blend(epsLow, lowDensity);
            n.mul(eps).intoArray(block.energyDensity, j);
            eps.sub(rsDepsHigh.blend(rsDepsLow, lowDensity).mul(1.0 / 3.0)).intoArray(block.vrho, j);
        }
        block.screen(threshold);
    }

    /** {@link PbeExchange}: e = n ε_x^LDA F_x(s), with the derivatives of PBE96 Eq. 14. */
    static void pbeExchange(XcBlock block, double threshold, double sigmaFloor) {
        double kappa = PbeExchange.KAPPA;
        double mu = PbeExchange.MU;
        int bound = bound(block);
        ArrayMath.cbrt(block.density, block.cubeRoot, 0, bound);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector n = DoubleVector.fromArray(SPECIES, block.density, j);
            DoubleVector cubeRoot = DoubleVector.fromArray(SPECIES, block.cubeRoot, j);
            DoubleVector epsXLda = cubeRoot.mul(SlaterExchange.C_X);
            DoubleVector inverseSquare = DoubleVector.broadcast(SPECIES, 1.0).div(cubeRoot.mul(cubeRoot));
            DoubleVector inverseFourth = inverseSquare.mul(inverseSquare);
            // s²/σ = S2_FACTOR n^(−8/3)
            DoubleVector s2PerSigma = inverseFourth.mul(inverseFourth).mul(PbeExchange.S2_FACTOR);
            DoubleVector s2 = DoubleVector.fromArray(SPECIES, block.sigma, j).max(sigmaFloor).mul(s2PerSigma);
            DoubleVector inverseDenominator = DoubleVector.broadcast(SPECIES, 1.0).div(s2.mul(mu).add(kappa));
            DoubleVector fx = inverseDenominator.mul(-kappa * kappa).add(1.0 + kappa);
            DoubleVector dFxDs2 = inverseDenominator.mul(inverseDenominator).mul(mu * kappa * kappa);
            DoubleVector nEps = n.mul(epsXLda);
            nEps.mul(fx).intoArray(block.energyDensity, j);
            epsXLda.mul(4.0 / 3.0).mul(fx.sub(s2.mul(dFxDs2).mul(2.0))).intoArray(block.vrho, j);
            nEps.mul(dFxDs2).mul(s2PerSigma).intoArray(block.vsigma, j);
        }
        block.screenPerSpinChannel(threshold);
    }

    /**
     * {@link PbeCorrelation}: e = n [ε_c^PW + H(r_s, t)], derivatives as documented there. After
     * {@link #pw92Stages}: −ε/γ and then A = (β/γ)/(exp(−ε/γ) − 1) (PBE96 Eq. 8) in work3, dA/dε in work4,
     * the argument (β/γ)Q of H's logarithm in work5, 1/M in work7, and the logarithm itself in vrho until the
     * last loop.
     */
    static void pbeCorrelation(XcBlock block, double a, double threshold, double sigmaFloor) {
        double beta = PbeCorrelation.BETA;
        double gamma = PbeCorrelation.GAMMA;
        int bound = bound(block);
        pw92Stages(block, a, bound);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector.fromArray(SPECIES, block.work1, j).mul(-1.0 / gamma).intoArray(block.work3, j);
        }
        ArrayMath.expm1(block.work3, block.work3, 0, bound);
        pbeLogArgument(block, sigmaFloor, bound);
        ArrayMath.log1p(block.work5, block.vrho, 0, bound);
        pbeDerivatives(block, sigmaFloor, bound);
        pbeOutputs(block, bound);
        block.screen(threshold);
    }

    /** A and dA/dε from exp(−ε/γ) − 1 (work3), 1/M and the logarithm's argument (β/γ)Q. */
    private static void pbeLogArgument(XcBlock block, double sigmaFloor, int bound) {
        double beta = PbeCorrelation.BETA;
        double gamma = PbeCorrelation.GAMMA;
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector expm1 = DoubleVector.fromArray(SPECIES, block.work3, j);
            DoubleVector aH = DoubleVector.broadcast(SPECIES, beta / gamma).div(expm1);
            aH.intoArray(block.work3, j);
            aH.mul(aH).mul(expm1.add(1.0)).mul(1.0 / beta).intoArray(block.work4, j);
            DoubleVector inverseCubeRoot = DoubleVector.fromArray(SPECIES, block.work6, j);
            DoubleVector inverseSquare = inverseCubeRoot.mul(inverseCubeRoot);
            // t² = σ T2_FACTOR n^(−7/3)
            DoubleVector t2 = DoubleVector.fromArray(SPECIES, block.sigma, j).max(sigmaFloor)
                    .mul(inverseSquare.mul(inverseSquare).mul(inverseSquare).mul(inverseCubeRoot))
                    .mul(PbeCorrelation.T2_FACTOR);
            DoubleVector x = aH.mul(t2);
            DoubleVector inverseM = DoubleVector.broadcast(SPECIES, 1.0).div(x.mul(x).add(x).add(1.0));
            inverseM.intoArray(block.work7, j);
            t2.mul(inverseM).mul(x.add(1.0)).mul(beta / gamma).intoArray(block.work5, j);
        }
    }

    /**
     * ∂H/∂t² into work5 and 1 + (∂H/∂A)(dA/dε) into work4, t² into work3, from A (work3), dA/dε (work4),
     * (β/γ)Q (work5) and 1/M (work7); with x = A t², ∂H/∂Q = β/(1 + (β/γ)Q), ∂Q/∂t² = (1 + 2x)/M² and
     * ∂Q/∂A = −t⁴ x (2 + x)/M².
     */
    private static void pbeDerivatives(XcBlock block, double sigmaFloor, int bound) {
        double beta = PbeCorrelation.BETA;
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector inverseCubeRoot = DoubleVector.fromArray(SPECIES, block.work6, j);
            DoubleVector inverseSquare = inverseCubeRoot.mul(inverseCubeRoot);
            DoubleVector t2 = DoubleVector.fromArray(SPECIES, block.sigma, j).max(sigmaFloor)
                    .mul(inverseSquare.mul(inverseSquare).mul(inverseSquare).mul(inverseCubeRoot))
                    .mul(PbeCorrelation.T2_FACTOR);
            DoubleVector x = DoubleVector.fromArray(SPECIES, block.work3, j).mul(t2);
            DoubleVector inverseM = DoubleVector.fromArray(SPECIES, block.work7, j);
            DoubleVector t2OverM = t2.mul(inverseM);
            DoubleVector dHdQ = DoubleVector.broadcast(SPECIES, beta)
                    .div(DoubleVector.fromArray(SPECIES, block.work5, j).add(1.0));
            DoubleVector dHdA = dHdQ.mul(t2OverM.mul(x).mul(t2OverM.mul(x.add(2.0))).neg());
            dHdA.mul(DoubleVector.fromArray(SPECIES, block.work4, j)).add(1.0).intoArray(block.work4, j);
            dHdQ.mul(x.mul(2.0).add(1.0)).mul(inverseM).mul(inverseM).intoArray(block.work5, j);
            t2.intoArray(block.work3, j);
        }
    }

    /** e = n (ε + H), vrho and vsigma, from ε (work1), dε/dr_s (work2), t² (work3), the factor in work4, ∂H/∂t² (work5) and ln(1 + (β/γ)Q) (vrho). */
    private static void pbeOutputs(XcBlock block, int bound) {
        double gamma = PbeCorrelation.GAMMA;
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector n = DoubleVector.fromArray(SPECIES, block.density, j);
            DoubleVector inverseCubeRoot = DoubleVector.fromArray(SPECIES, block.work6, j);
            DoubleVector t2 = DoubleVector.fromArray(SPECIES, block.work3, j);
            DoubleVector dHdT2 = DoubleVector.fromArray(SPECIES, block.work5, j);
            DoubleVector epsPlusH = DoubleVector.fromArray(SPECIES, block.vrho, j).mul(gamma)
                    .add(DoubleVector.fromArray(SPECIES, block.work1, j));
            DoubleVector rs = inverseCubeRoot.mul(Pw92Correlation.RS_FACTOR);
            n.mul(epsPlusH).intoArray(block.energyDensity, j);
            epsPlusH.sub(rs.mul(1.0 / 3.0).mul(DoubleVector.fromArray(SPECIES, block.work2, j))
                            .mul(DoubleVector.fromArray(SPECIES, block.work4, j)))
                    .sub(t2.mul(dHdT2).mul(7.0 / 3.0)).intoArray(block.vrho, j);
            // vsigma = n ∂H/∂t² · t²/σ, with t²/σ = t²/max(σ, floor) written as T2_FACTOR n^(−7/3)
            DoubleVector inverseSquare = inverseCubeRoot.mul(inverseCubeRoot);
            n.mul(dHdT2).mul(inverseSquare.mul(inverseSquare).mul(inverseSquare).mul(inverseCubeRoot))
                    .mul(PbeCorrelation.T2_FACTOR).intoArray(block.vsigma, j);
        }
    }

    /**
     * PW92: ∛n into cubeRoot, 1/∛n into work6, ε_c(r_s) (Eq. 10) into work1 and dε_c/dr_s (Eq. A5) into
     * work2, as {@link Pw92Correlation#epsilonAndDerivative}: with G = Σ β_j r_s^(j/2),
     * ε = −2A (1 + α₁ r_s) ln(1 + 1/(2A G)) and dε/dr_s = α₁ ε/(1 + α₁ r_s) + 2A (1 + α₁ r_s) G′/(G (1 + 2A G)),
     * here over one common denominator.
     */
    private static void pw92Stages(XcBlock block, double a, int bound) {
        ArrayMath.cbrt(block.density, block.cubeRoot, 0, bound);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector inverseCubeRoot = DoubleVector.broadcast(SPECIES, 1.0)
                    .div(DoubleVector.fromArray(SPECIES, block.cubeRoot, j));
            inverseCubeRoot.intoArray(block.work6, j);
            DoubleVector sqrtRs = inverseCubeRoot.mul(Pw92Correlation.RS_FACTOR).sqrt();
            DoubleVector g = sqrtRs.mul(sqrtRs.mul(sqrtRs.mul(sqrtRs.mul(Pw92Correlation.BETA4)
                    .add(Pw92Correlation.BETA3)).add(Pw92Correlation.BETA2)).add(Pw92Correlation.BETA1));
            DoubleVector.broadcast(SPECIES, 1.0).div(g.mul(2.0 * a)).intoArray(block.work1, j);
        }
        ArrayMath.log1p(block.work1, block.work1, 0, bound);
        pw92Values(block, a, bound);
    }

    /** ε_c and dε_c/dr_s from ln(1 + 1/(2A G)) (work1) and 1/∛n (work6). */
    private static void pw92Values(XcBlock block, double a, int bound) {
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector rs = DoubleVector.fromArray(SPECIES, block.work6, j).mul(Pw92Correlation.RS_FACTOR);
            DoubleVector inverseRs = DoubleVector.fromArray(SPECIES, block.cubeRoot, j)
                    .mul(1.0 / Pw92Correlation.RS_FACTOR);
            DoubleVector sqrtRs = rs.sqrt();
            DoubleVector g = sqrtRs.mul(sqrtRs.mul(sqrtRs.mul(sqrtRs.mul(Pw92Correlation.BETA4)
                    .add(Pw92Correlation.BETA3)).add(Pw92Correlation.BETA2)).add(Pw92Correlation.BETA1));
            DoubleVector dg = sqrtRs.mul(inverseRs).mul(0.5 * Pw92Correlation.BETA1)
                    .add(Pw92Correlation.BETA2).add(sqrtRs.mul(1.5 * Pw92Correlation.BETA3))
                    .add(rs.mul(2.0 * Pw92Correlation.BETA4));
            DoubleVector onePlusAlphaRs = rs.mul(Pw92Correlation.ALPHA1).add(1.0);
            DoubleVector eps = onePlusAlphaRs.mul(DoubleVector.fromArray(SPECIES, block.work1, j)).mul(-2.0 * a);
            eps.intoArray(block.work1, j);
            DoubleVector gTimesOnePlus2aG = g.mul(g.mul(2.0 * a).add(1.0));
            eps.mul(Pw92Correlation.ALPHA1).mul(gTimesOnePlus2aG)
                    .add(onePlusAlphaRs.mul(onePlusAlphaRs).mul(dg).mul(2.0 * a))
                    .div(onePlusAlphaRs.mul(gTimesOnePlus2aG)).intoArray(block.work2, j);
        }
    }

}
