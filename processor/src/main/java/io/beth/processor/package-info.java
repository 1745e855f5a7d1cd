/** Beth's annotation processor: validates annotated handlers and generates their wiring. */
package io.beth.processor;
