package org.tre.tre.support;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.util.List;

/** Hamcrest matchers for the DNAnexus errors the Tre aggregate refuses commands with. */
public final class TreMatchers {

    private TreMatchers() {
    }

    /** The command changed something: at least one event, whichever. */
    public static Matcher<List<EventMessage<?>>> someEvent() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return !events.isEmpty();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("at least one event");
            }
        };
    }

    public static Matcher<Throwable> dxError(ErrorType type) {
        return dxError(type, "");
    }

    /**
     * A DxException of the type whose message contains the fragment: where several checks share an
     * error type (activation's InvalidState), the fragment tells which check refused.
     */
    public static Matcher<Throwable> dxError(ErrorType type, String messageFragment) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable failure) {
                return failure instanceof DxException dx && dx.type() == type
                        && dx.getMessage() != null && dx.getMessage().contains(messageFragment);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DxException of type " + type);
                if (!messageFragment.isEmpty()) {
                    description.appendText(" whose message contains ").appendValue(messageFragment);
                }
            }

            @Override
            protected void describeMismatchSafely(Throwable failure, Description mismatch) {
                if (failure instanceof DxException dx) {
                    mismatch.appendText("was " + dx.type() + ": ").appendValue(dx.getMessage());
                } else {
                    mismatch.appendText("was ").appendValue(failure);
                }
            }
        };
    }
}
