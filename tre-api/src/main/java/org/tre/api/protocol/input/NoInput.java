package org.tre.api.protocol.input;

/** The input of a route that takes none: {} and nothing else. */
public record NoInput() {
}
