package io.beth.examples;

/** A user as the example serves it: {@code {"id":1,"name":"user-1"}}. */
public record User(long id, String name) {}
