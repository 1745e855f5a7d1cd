package io.beth.examples;

import dagger.Component;
import io.beth.bootstrap.BethApplication;
import jakarta.inject.Singleton;

/** The example's Dagger component: Beth's generated module beside the application's own. */
@Singleton
@Component(modules = BethModule.class)
public interface ExampleComponent {

  /** Every server the annotations declared, ready to start. */
  BethApplication beth();
}
