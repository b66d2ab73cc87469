package io.gradcheck.expr;

/**
 * What one expression may ask of the service. Each bound is refused with its own message, so that no text a
 * caller sends can make the service hang or run out of memory.
 *
 * @param maxLength  characters of expression text
 * @param maxNodes   nodes of the syntax tree
 * @param maxDepth   nesting depth (parentheses and the tree alike)
 * @param maxEntries entries of any declared or computed tensor
 * @param maxCost    estimated floating-point operations of one evaluation over doubles
 * @param maxMatrixPower largest |k| in A^k
 */
public record Limits(int maxLength, int maxNodes, int maxDepth, int maxEntries, long maxCost, int maxMatrixPower) {

    public static final Limits DEFAULT = new Limits(4_000, 2_000, 100, 1_000_000, 50_000_000L, 64);
}
