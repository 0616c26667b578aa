package org.tre.api.execution;

import com.fasterxml.jackson.databind.JsonNode;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectLevel;

/**
 * The parts of an applet's specifications the service reads later, checked when it is made so that a
 * run is never decided on a malformed one: each {@code inputSpec} entry names its input and class;
 * {@code access.allProjects} is a level, {@code access.projectCreation} a boolean; {@code httpsApp.ports}
 * a list of port numbers. The rest is kept as given.
 */
final class AppletSpecs {

    private AppletSpecs() {
    }

    static void requireReadable(JsonNode inputSpec, JsonNode access, JsonNode httpsApp) {
        if (inputSpec != null && !inputSpec.isNull()) {
            for (JsonNode field : inputSpec) {
                if (!field.isObject() || !field.path("name").isTextual() || field.path("name").asText().isEmpty()
                        || !field.path("class").isTextual()) {
                    throw DxException.invalidInput("Each entry of 'inputSpec' must be a mapping with a 'name' and a"
                            + " 'class'");
                }
                if (field.has("optional") && !field.get("optional").isBoolean()) {
                    throw DxException.invalidInput("'optional' of input '" + field.get("name").asText()
                            + "' must be a boolean");
                }
            }
        }
        if (access != null && !access.isNull()) {
            JsonNode allProjects = access.get("allProjects");
            if (allProjects != null && (!allProjects.isTextual() || ProjectLevel.parse(allProjects.asText())
                    .filter(level -> level != ProjectLevel.NONE).isEmpty())) {
                throw DxException.invalidInput("'access.allProjects' must be VIEW, UPLOAD, CONTRIBUTE or ADMINISTER");
            }
            JsonNode projectCreation = access.get("projectCreation");
            if (projectCreation != null && !projectCreation.isBoolean()) {
                throw DxException.invalidInput("'access.projectCreation' must be a boolean");
            }
        }
        if (httpsApp != null && !httpsApp.isNull()) {
            JsonNode ports = httpsApp.get("ports");
            boolean portNumbers = ports != null && ports.isArray();
            if (portNumbers) {
                for (JsonNode port : ports) {
                    portNumbers &= port.isIntegralNumber() && port.asInt() > 0 && port.asInt() < 65536;
                }
            }
            if (!portNumbers) {
                throw DxException.invalidInput("'httpsApp.ports' must be a list of port numbers");
            }
        }
    }
}
