import { Inbox, LogOut, MoreHorizontal, Settings, UserRound } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import {
  Dialog,
  DialogBody,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/app/_components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Skeleton } from "@/app/_components/ui/skeleton";
import { Spinner } from "@/app/_components/ui/spinner";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/app/_components/ui/tabs";
import { Section } from "./section";
import { ToastDemo } from "./toast-demo";

export function DemoAlerts() {
  return (
    <Section title="Alerts" description="Danger uses role=alert; the others role=status.">
      <Alert variant="info" title="Heads up">
        Replies sent after 18:00 are delivered the next morning.
      </Alert>
      <Alert variant="success" title="Settings saved" />
      <Alert variant="warning" title="Mailbox almost full" actions={<Button size="sm" variant="outline">Manage storage</Button>}>
        The IMAP mailbox is at 92% of its quota.
      </Alert>
      <Alert variant="danger" title="Could not connect to the mail server">
        Check the host name and password, then try again.
      </Alert>
    </Section>
  );
}

export function DemoOverlays() {
  return (
    <Section title="Dialog, menu, toast" description="Radix dialog and dropdown; a tiny toast provider.">
      <div className="flex flex-wrap gap-2">
        <Dialog>
          <DialogTrigger asChild>
            <Button variant="outline">Open dialog</Button>
          </DialogTrigger>
          <DialogContent closeLabel="Close">
            <DialogHeader>
              <DialogTitle>Merge tickets</DialogTitle>
              <DialogDescription>Messages of #1041 will be moved into #1042. This cannot be undone.</DialogDescription>
            </DialogHeader>
            <DialogBody>
              <Field label="Target ticket" hint="Number of the ticket to keep.">
                <Input defaultValue="1042" inputMode="numeric" />
              </Field>
            </DialogBody>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button variant="danger">Merge</Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="icon" aria-label="More actions">
              <MoreHorizontal aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <DropdownMenuLabel>Ticket #1042</DropdownMenuLabel>
            <DropdownMenuItem>
              <UserRound aria-hidden /> Assign to me <DropdownMenuShortcut>A</DropdownMenuShortcut>
            </DropdownMenuItem>
            <DropdownMenuItem>
              <Settings aria-hidden /> Properties
            </DropdownMenuItem>
            <DropdownMenuCheckboxItem checked>Watching</DropdownMenuCheckboxItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="danger">
              <LogOut aria-hidden /> Delete
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      <ToastDemo />
    </Section>
  );
}

export function DemoTabs() {
  return (
    <Section title="Tabs, loading, empty state">
      <Tabs defaultValue="conversation">
        <TabsList aria-label="Ticket sections">
          <TabsTrigger value="conversation">Conversation</TabsTrigger>
          <TabsTrigger value="notes">Internal notes</TabsTrigger>
          <TabsTrigger value="history">History</TabsTrigger>
          <TabsTrigger value="disabled" disabled>
            Disabled
          </TabsTrigger>
        </TabsList>
        <TabsContent value="conversation" className="grid gap-3">
          <div className="flex items-center gap-3">
            <Skeleton className="size-8 rounded-full" />
            <div className="grid flex-1 gap-2">
              <Skeleton className="h-3.5 w-40" />
              <Skeleton className="h-3 w-full max-w-md" />
            </div>
          </div>
          <p className="flex items-center gap-2 text-sm text-ink-muted">
            <Spinner label="Loading" /> Loading messages…
          </p>
        </TabsContent>
        <TabsContent value="notes">
          <EmptyState
            bordered
            icon={<Inbox />}
            title="No internal notes yet"
            description="Notes are visible to agents only, never to the customer."
            action={<Button size="sm">Add a note</Button>}
          />
        </TabsContent>
        <TabsContent value="history">
          <p className="text-sm text-ink-muted">Created by e-mail on 12 March.</p>
        </TabsContent>
      </Tabs>
    </Section>
  );
}
