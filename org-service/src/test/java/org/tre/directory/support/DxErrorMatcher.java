package org.tre.directory.support;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

/** Matches the DNAnexus error an aggregate refuses a command with. */
public final class DxErrorMatcher {

    private DxErrorMatcher() {
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
