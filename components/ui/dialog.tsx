'use client';

import {
  cloneElement,
  createContext,
  isValidElement,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ComponentProps,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from 'react';

// Radix's Dialog with the same parts (Root, Trigger, Portal, Overlay, Content, Title,
// Description, Close), loaded only when a dialog first opens (or its trigger is pointed at or
// focused): Radix and its focus and scroll locks are 12 KiB gzip that every page with a dialog
// paid on first load (issue 15 §2), though no dialog is open when a page loads.

type Radix = typeof import('@radix-ui/react-dialog');

let loaded: Radix | null = null;
let loading: Promise<Radix> | null = null;

/** Starts loading Radix (once); resolves with it. */
function loadRadix(): Promise<Radix> {
  loading ??= import('@radix-ui/react-dialog').then((radix) => (loaded = radix));
  return loading;
}

type State = {
  open: boolean;
  setOpen: (open: boolean) => void;
  trigger: RefObject<HTMLElement | null>;
};

const StateContext = createContext<State | null>(null);
const RadixContext = createContext<Radix | null>(null);

function useDialogState(part: string): State {
  const state = useContext(StateContext);
  if (!state) throw new Error(`Dialog.${part} must be inside Dialog.Root`);
  return state;
}

function useRadix(part: string): Radix {
  const radix = useContext(RadixContext);
  if (!radix) throw new Error(`Dialog.${part} must be inside Dialog.Portal`);
  return radix;
}

export function Root({
  open: controlled,
  onOpenChange,
  children,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
}) {
  const [uncontrolled, setUncontrolled] = useState(false);
  const open = controlled ?? uncontrolled;
  const trigger = useRef<HTMLElement | null>(null);
  const setOpen = useCallback(
    (next: boolean) => {
      if (controlled === undefined) setUncontrolled(next);
      onOpenChange?.(next);
    },
    [controlled, onOpenChange],
  );
  return (
    <StateContext.Provider value={{ open, setOpen, trigger }}>{children}</StateContext.Provider>
  );
}

type TriggerChildProps = {
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  onPointerEnter?: () => void;
  onFocus?: () => void;
  ref?: unknown;
};

/** Only `asChild`, as the app uses it: the child button opens the dialog. */
export function Trigger({ children }: { asChild: true; children: ReactElement }) {
  const { open, setOpen, trigger } = useDialogState('Trigger');
  if (!isValidElement<TriggerChildProps>(children)) return children;
  const own = children.props;
  return cloneElement(children, {
    ref: trigger,
    'aria-haspopup': 'dialog',
    'aria-expanded': open,
    onPointerEnter: () => {
      void loadRadix();
      own.onPointerEnter?.();
    },
    onFocus: () => {
      void loadRadix();
      own.onFocus?.();
    },
    onClick: (event: MouseEvent<HTMLElement>) => {
      own.onClick?.(event);
      if (!event.defaultPrevented) setOpen(true);
    },
  } as TriggerChildProps);
}

/** Renders Radix's dialog once it is loaded; nothing before the dialog first opens. */
export function Portal({ children }: { children: ReactNode }) {
  const { open, setOpen } = useDialogState('Portal');
  const [radix, setRadix] = useState<Radix | null>(loaded);
  useEffect(() => {
    if (open && !radix) void loadRadix().then(setRadix);
  }, [open, radix]);
  if (!radix) return null;
  return (
    <RadixContext.Provider value={radix}>
      <radix.Root open={open} onOpenChange={setOpen}>
        <radix.Portal>{children}</radix.Portal>
      </radix.Root>
    </RadixContext.Provider>
  );
}

export function Overlay(props: ComponentProps<Radix['Overlay']>) {
  const radix = useRadix('Overlay');
  return <radix.Overlay {...props} />;
}

export function Content({ onCloseAutoFocus, ...props }: ComponentProps<Radix['Content']>) {
  const radix = useRadix('Content');
  const { trigger } = useDialogState('Content');
  return (
    <radix.Content
      {...props}
      // The trigger is ours, not Radix's: give focus back to it on close, as Radix would.
      onCloseAutoFocus={(event) => {
        onCloseAutoFocus?.(event);
        if (event.defaultPrevented || !trigger.current) return;
        event.preventDefault();
        trigger.current.focus();
      }}
    />
  );
}

export function Title(props: ComponentProps<Radix['Title']>) {
  const radix = useRadix('Title');
  return <radix.Title {...props} />;
}

export function Description(props: ComponentProps<Radix['Description']>) {
  const radix = useRadix('Description');
  return <radix.Description {...props} />;
}

export function Close(props: ComponentProps<Radix['Close']>) {
  const radix = useRadix('Close');
  return <radix.Close {...props} />;
}
