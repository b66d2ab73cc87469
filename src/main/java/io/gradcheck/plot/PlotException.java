package io.gradcheck.plot;

/** A plot that cannot be drawn for this input (an unreadable answer, a shape that cannot be contracted): a 4xx. */
public final class PlotException extends RuntimeException {

    public PlotException(String message) {
        super(message, null, false, false);
    }
}
