package org.tre.tre.review;

import org.tre.messages.error.DxException;

import java.util.List;
import java.util.Map;

/**
 * Data access request review steps and their reviewers (tre-api.md "Data Access Request Review
 * Steps", its {@code ...ApplicationReviewStep} and {@code ...ApplicationReviewers} routes; DECISIONS.md
 * §4, §5). In which states steps and reviewers change is the settings table's (TreSettings). Each
 * method takes the TRE's reviewers by step id.
 */
public final class ReviewSteps {

    public static final int MAX_REVIEWERS_PER_STEP = 100;

    private ReviewSteps() {
    }

    public static void requireNewStepId(Map<String, List<String>> reviewersByStep, String reviewStepId) {
        if (reviewersByStep.containsKey(reviewStepId)) {
            throw DxException.invalidInput("A review step with the id " + reviewStepId + " already exists");
        }
    }

    public static void requireStep(Map<String, List<String>> reviewersByStep, String reviewStepId) {
        if (!reviewersByStep.containsKey(reviewStepId)) {
            throw DxException.invalidInput("The review step " + reviewStepId + " is not defined in the TRE");
        }
    }

    /** The listed users not yet on the step, each once: a reviewer added again changes nothing. */
    public static List<String> newReviewers(List<String> current, List<String> users) {
        return users.stream().distinct().filter(user -> !current.contains(user)).toList();
    }

    /** The listed users on the step: removing someone who does not review it is ignored. */
    public static List<String> reviewersAmong(List<String> current, List<String> users) {
        return users.stream().distinct().filter(current::contains).toList();
    }

    /** At most 100 reviewers per step; a reviewer may sit on several steps, each counting them once. */
    public static void requireRoomFor(List<String> current, List<String> added) {
        if (current.size() + added.size() > MAX_REVIEWERS_PER_STEP) {
            throw DxException.invalidInput("A review step has at most " + MAX_REVIEWERS_PER_STEP + " reviewers");
        }
    }

    /** "A TRE must have at least one review step with at least one reviewer per step before it can be activated." */
    public static void requireReviewedStepsForActivation(Map<String, List<String>> reviewersByStep) {
        if (reviewersByStep.isEmpty()) {
            throw DxException.invalidState("The TRE needs at least one application review step");
        }
        for (Map.Entry<String, List<String>> step : reviewersByStep.entrySet()) {
            if (step.getValue().isEmpty()) {
                throw DxException.invalidState("The review step " + step.getKey() + " has no reviewer");
            }
        }
    }
}
