/** Body codecs: how route values become bodies and bodies become values (JSON by default). */
package io.beth.codec;
