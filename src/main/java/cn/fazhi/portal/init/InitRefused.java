package cn.fazhi.portal.init;

import cn.fazhi.portal.problems.Problem;

/**
 * {@code init} was asked for something it will not do (a folder that is not empty, a file where
 * the folder should be): wrong usage, not a failure, so nothing was written. Carries the message
 * in the form every other message of the portal has (names the folder, says what to do).
 */
public final class InitRefused extends Exception {

    private final transient Problem problem;

    InitRefused(String folder, String message, String hint) {
        super(message, null, false, false); // a refusal is an answer, not a fault: no stack trace
        this.problem = Problem.at(folder, 0, message, hint);
    }

    /** The message as printed: {@code folder: error: message} and a hint line. */
    public String format() {
        return problem.format();
    }
}
