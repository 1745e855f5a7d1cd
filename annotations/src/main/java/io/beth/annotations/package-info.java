/** The annotations users write to declare Beth handlers; the processor turns them into wiring. */
package io.beth.annotations;
