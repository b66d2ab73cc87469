package io.gradcheck.web;

/** The set closes practice checks for this problem (a 403): submissions are the way to an answer's grade. */
public class PracticeClosed extends RuntimeException {

    public PracticeClosed(String message) {
        super(message);
    }
}
