package io.gradcheck.expr;


/**
 * A tensor with derivative parts: a truncated multivariate dual number per entry.
 *
 * <p>Part {@code k} is the coefficient of the product of the infinitesimals whose bits are set in {@code k}
 * (each infinitesimal squares to zero). One part is a plain value; two parts (1, ε) are a dual number whose ε
 * part is a directional derivative; four parts (1, ε₁, ε₂, ε₁ε₂) are nested duals whose last part is a second
 * directional derivative vᵀHw. A null part is exactly zero, which lets constants cost nothing in derivative
 * arithmetic.
 */
public final class Jet {

    private final Shape shape;
    private final double[][] parts;

    public Jet(Shape shape, double[][] parts) {
        if (parts.length != 1 && parts.length != 2 && parts.length != 4) {
            throw new IllegalArgumentException("a jet has 1, 2 or 4 parts");
        }
        this.shape = shape;
        this.parts = parts;
    }

    public static Jet constant(Tensor value, int partCount) {
        double[][] parts = new double[partCount][];
        parts[0] = value.data();
        return new Jet(value.shape(), parts);
    }

    public Shape shape() {
        return shape;
    }

    public int partCount() {
        return parts.length;
    }

    /** Part k, or null where it is exactly zero. */
    public double[] part(int k) {
        return parts[k];
    }

    public double[][] parts() {
        return parts;
    }

    public Tensor value() {
        return partAsTensor(0);
    }

    /** Part k as a tensor (zeros where the part is exactly zero). */
    public Tensor partAsTensor(int k) {
        double[] p = k < parts.length ? parts[k] : null;
        return new Tensor(shape, p == null ? new double[shape.size()] : p);
    }

    public double scalarPart(int k) {
        double[] p = k < parts.length ? parts[k] : null;
        return p == null ? 0.0 : p[0];
    }
}
