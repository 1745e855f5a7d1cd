/**
 * The example application: annotated handler classes, a Dagger component and one call to start,
 * written the way Beth means applications to be written.
 */
package io.beth.examples;
