package io.beth.processor.client;

/** An item of {@link ItemsApi}. */
public record Item(String id, String name, Color color) {}
