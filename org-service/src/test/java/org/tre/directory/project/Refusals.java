package org.tre.directory.project;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

/** Matches the DxException a fixture's command is refused with, by its exact type. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Throwable> dxError(ErrorType type) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable failure) {
                return failure instanceof DxException dx && dx.type() == type;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DxException of type " + type);
            }
        };
    }
}
